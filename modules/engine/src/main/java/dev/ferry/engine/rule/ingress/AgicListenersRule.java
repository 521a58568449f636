package dev.ferry.engine.rule.ingress;

import static dev.ferry.engine.rule.ingress.AgicAnnotations.OVERRIDE_FRONTEND_PORT;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.SSL_REDIRECT;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Optional;

/**
 * Derives the ALB listeners from what AGIC listened on: HTTP 80, plus HTTPS 443 when the Ingress terminates TLS,
 * {@code override-frontend-port} replacing the port, and {@code ssl-redirect: "true"} becoming
 * {@code ssl-redirect: '<https port>'}. One rule owns {@code listen-ports} and {@code ssl-redirect} so they agree.
 */
public final class AgicListenersRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-listeners-to-alb", "AGIC listeners to ALB listen-ports",
            "Translates the AGIC frontend ports, TLS listener and SSL redirect into ALB listen-ports and ssl-redirect.",
            Edge.INGRESS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!IngressControllers.of(object, context.estate()).movesToAlb()) {
            return;
        }
        boolean tls = AgicAnnotations.terminatesTls(object);
        Optional<String> rawRedirect = AgicAnnotations.value(object, SSL_REDIRECT);
        Optional<String> rawPort = AgicAnnotations.value(object, OVERRIDE_FRONTEND_PORT);
        if (!tls && rawRedirect.isEmpty() && rawPort.isEmpty()) {
            return; // AGIC listened on HTTP 80, the ALB default
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .rationale("EDGES.md §2.2/§2.4: AGIC listens on 80, plus 443 when the Ingress has TLS; the ALB "
                        + "listens on `[{\"HTTP\":80}]`, or only `[{\"HTTPS\":443}]` once a certificate is set, so the "
                        + "listeners are written explicitly. `override-frontend-port` replaces the port, and AGIC's "
                        + "`ssl-redirect: \"true\"` becomes `ssl-redirect: '<https port>'` (HTTP 301 on every HTTP "
                        + "listener).");
        rawRedirect.ifPresent(v -> change.remove(AgicAnnotations.pointer(SSL_REDIRECT)));
        rawPort.ifPresent(v -> change.remove(AgicAnnotations.pointer(OVERRIDE_FRONTEND_PORT)));

        Integer port = null;
        if (rawPort.isPresent()) {
            Optional<Integer> parsed = AgicAnnotations.integer(object, OVERRIDE_FRONTEND_PORT);
            if (parsed.isPresent() && parsed.get() >= 1 && parsed.get() <= 65535) {
                port = parsed.get();
            } else {
                change.finding(Finding.actionRequired("`override-frontend-port: " + rawPort.get() + "` is not a "
                        + "port and was removed; set `alb.ingress.kubernetes.io/listen-ports` by hand."));
            }
        }
        boolean redirect = AgicAnnotations.isTrue(object, SSL_REDIRECT);
        String listenPorts;
        if (tls) {
            int https = port == null ? 443 : port;
            listenPorts = "[{\"HTTP\":80},{\"HTTPS\":" + https + "}]";
            change.summary("ALB listeners HTTP 80 + HTTPS " + https + (redirect ? " with redirect to HTTPS" : ""));
            if (redirect) {
                AlbAnnotations.put(change, object, "ssl-redirect", Integer.toString(https));
                change.finding(Finding.info("With `ssl-redirect` every request on the HTTP listener is redirected "
                        + "(HTTP 301); other rules on port 80 are ignored."));
            }
        } else {
            int http = port == null ? 80 : port;
            listenPorts = "[{\"HTTP\":" + http + "}]";
            change.summary("ALB listener HTTP " + http);
            if (redirect) {
                change.finding(Finding.warning("`ssl-redirect: \"true\"` was removed: this Ingress has no TLS, so "
                        + "AGIC had no HTTPS listener to redirect to. Add a certificate, then set "
                        + "`alb.ingress.kubernetes.io/ssl-redirect: '443'` if HTTPS is wanted."));
            }
        }
        if (rawRedirect.isPresent() && AgicAnnotations.bool(object, SSL_REDIRECT).isEmpty()) {
            change.finding(Finding.warning("`ssl-redirect: " + rawRedirect.get() + "` is not a boolean; AGIC read "
                    + "it as false, so no redirect was set."));
        }
        if (tls || port != null) {
            AlbAnnotations.put(change, object, "listen-ports", listenPorts);
        }
    }
}
