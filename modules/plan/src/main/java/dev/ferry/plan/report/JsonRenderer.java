package dev.ferry.plan.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Renders the report as JSON for pipelines. The shape is stable within {@link ReportModel#FORMAT_VERSION}:
 *
 * <pre>
 * { "format": "ferry-report", "formatVersion": 1,
 *   "header": {direction, directionLabel, sourceCloud, targetCloud, source, bundle, created, toolVersion, reviewState},
 *   "notes": [text],
 *   "summary": {"changesByEdge": {edge: counts}, "changeTotals": counts, "objects": {status: n}, "waves", "blockedWaves"},
 *       counts = {pending, approved, rejected, changedSinceApproved, total}
 *   "actionRequired": [{edge, resource, message, settingKey, changeId, status, wave|null}],
 *   "images": {"setup": [text], "copies": [{source, target, command}]},
 *   "identities": [{serviceAccount, sourceIdentity, targetIdentity, trust, artifacts: [path], status}],
 *   "dataCopies": [{resource, claim, size, sourceClass, targetClass, method, wave|null}],
 *   "unresolvedReferences": [{from, path, to, message, informational}],
 *   "problems": [text], "artifacts": [path under artifacts/],
 *   "waves": [{number, name, kind, blocked, objects, blockers: [{kind, object, message}],
 *              applyOrder: [{kind, names: [..]}], traffic: [{host, object, address}],
 *              sections: [{id, title, steps: [text]}]}] }
 * </pre>
 *
 * Text in {@code steps}, {@code notes} and {@code setup} marks commands with backticks. Lists are complete (not cut).
 */
public final class JsonRenderer {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public String render(ReportModel report) {
        try {
            return MAPPER.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a JSON tree. */
    public ObjectNode tree(ReportModel report) {
        ObjectNode root = NODES.objectNode();
        root.put("format", "ferry-report");
        root.put("formatVersion", ReportModel.FORMAT_VERSION);
        ReportModel.Header h = report.header();
        root.putObject("header").put("direction", h.direction()).put("directionLabel", h.directionLabel())
                .put("sourceCloud", h.sourceCloud()).put("targetCloud", h.targetCloud()).put("source", h.source())
                .put("bundle", h.bundle()).put("created", h.created()).put("toolVersion", h.toolVersion())
                .put("reviewState", h.reviewState());
        strings(root.putArray("notes"), report.notes());
        ObjectNode summary = root.putObject("summary");
        ObjectNode byEdge = summary.putObject("changesByEdge");
        report.summary().changesByEdge().forEach((edge, c) -> counts(byEdge.putObject(edge), c));
        counts(summary.putObject("changeTotals"), report.summary().changeTotals());
        ObjectNode objects = summary.putObject("objects");
        report.summary().objects().forEach(objects::put);
        summary.put("waves", report.summary().waves()).put("blockedWaves", report.summary().blockedWaves());

        ArrayNode actions = root.putArray("actionRequired");
        report.actions().forEach(a -> wave(actions.addObject().put("edge", a.edge()).put("resource", a.resource())
                .put("message", a.message()).put("settingKey", a.settingKey()).put("changeId", a.changeId())
                .put("status", a.status()), a.wave()));
        ObjectNode images = root.putObject("images");
        strings(images.putArray("setup"), report.imageSetup());
        ArrayNode copies = images.putArray("copies");
        report.images().forEach(i -> copies.addObject().put("source", i.source()).put("target", i.target())
                .put("command", i.command()));
        ArrayNode identities = root.putArray("identities");
        report.identities().forEach(r -> {
            ObjectNode row = identities.addObject().put("serviceAccount", r.serviceAccount())
                    .put("sourceIdentity", r.sourceIdentity()).put("targetIdentity", r.targetIdentity())
                    .put("trust", r.trust());
            strings(row.putArray("artifacts"), r.artifacts());
            row.put("status", r.status());
        });
        ArrayNode data = root.putArray("dataCopies");
        report.dataCopies().forEach(d -> wave(data.addObject().put("resource", d.resource()).put("claim", d.claim())
                .put("size", d.size()).put("sourceClass", d.sourceClass()).put("targetClass", d.targetClass())
                .put("method", d.method()), d.wave()));
        ArrayNode unresolved = root.putArray("unresolvedReferences");
        report.unresolved().forEach(u -> unresolved.addObject().put("from", u.from()).put("path", u.path())
                .put("to", u.to()).put("message", u.message()).put("informational", u.informational()));
        strings(root.putArray("problems"), report.problems());
        strings(root.putArray("artifacts"), report.artifacts());
        ArrayNode waves = root.putArray("waves");
        report.runbook().forEach(w -> wave(waves.addObject(), w));
        return root;
    }

    private static void wave(ObjectNode node, ReportModel.WaveRunbook wave) {
        node.put("number", wave.number()).put("name", wave.name()).put("kind", wave.kind())
                .put("blocked", wave.blocked()).put("objects", wave.objects());
        ArrayNode blockers = node.putArray("blockers");
        wave.blockers().forEach(b -> blockers.addObject().put("kind", b.kind()).put("object", b.object())
                .put("message", b.message()));
        ArrayNode order = node.putArray("applyOrder");
        wave.groups().forEach(g -> strings(order.addObject().put("kind", g.kind()).putArray("names"), g.names()));
        ArrayNode traffic = node.putArray("traffic");
        wave.hosts().forEach(h -> traffic.addObject().put("host", h.host()).put("object", h.object())
                .put("address", h.address()));
        ArrayNode sections = node.putArray("sections");
        wave.sections().forEach(s -> strings(sections.addObject().put("id", s.id()).put("title", s.title())
                .putArray("steps"), s.steps()));
    }

    private static void counts(ObjectNode node, ReportModel.ReviewCounts c) {
        node.put("pending", c.pending()).put("approved", c.approved()).put("rejected", c.rejected())
                .put("changedSinceApproved", c.changedSinceApproved()).put("total", c.total());
    }

    private static void wave(ObjectNode node, Optional<Integer> wave) {
        if (wave.isPresent()) {
            node.put("wave", wave.get());
        } else {
            node.putNull("wave");
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
