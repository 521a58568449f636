package dev.ferry.engine.rule.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Translates the ALB listener and backend annotations: {@code listen-ports} (a single non-standard port becomes
 * {@code override-frontend-port}), {@code ssl-redirect} ({@code ssl-redirect: "true"}), {@code backend-protocol}
 * (lower case) and {@code backend-protocol-version} (HTTP2/gRPC have no AGIC counterpart).
 */
public final class AlbListenersToAgicRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("alb-listeners-to-agic", "ALB listeners and backend protocol to AGIC",
            "Translates the ALB listen ports, HTTPS redirect and backend protocol into AGIC annotations.",
            Edge.INGRESS, Direction.EKS_TO_AKS, AlbIngresses.SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AlbIngresses.isAlb(object, context.estate())) {
            return;
        }
        boolean agc = AlbIngresses.agc(context);
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("ALB listeners and backend protocol → AGIC")
                .rationale("EDGES.md §2.2/§2.3: AGIC listens on 80, plus 443 when the Ingress has TLS, and takes one "
                        + "non-standard port from `override-frontend-port`; `ssl-redirect: \"true\"` redirects "
                        + "HTTP to HTTPS; `backend-protocol` is `http` or `https`. HTTP2/gRPC backends have no AGIC "
                        + "setting.");
        AlbIngresses.take(change, object, "listen-ports").ifPresent(ports -> listenPorts(ports, object, agc, change));
        AlbIngresses.take(change, object, "ssl-redirect").ifPresent(port -> {
            if (agc) {
                change.finding(Finding.actionRequired("The ALB redirected HTTP to HTTPS port " + port + ". With "
                        + "Application Gateway for Containers create an `IngressExtension` with a `requestRedirect` "
                        + "(scheme https) and link it with `alb.networking.azure.io/alb-ingress-extension` "
                        + "(EDGES.md §2.5)."));
            } else {
                AlbIngresses.putAgic(change, object, "ssl-redirect", "true");
                if (!port.equals("443")) {
                    change.finding(Finding.warning("The ALB redirected to HTTPS port " + port + "; AGIC redirects to "
                            + "its HTTPS listener, which is 443 unless `override-frontend-port` says otherwise."));
                }
            }
        });
        AlbIngresses.take(change, object, "backend-protocol").ifPresent(protocol -> {
            String lower = protocol.toLowerCase(Locale.ROOT);
            if (!lower.equals("http") && !lower.equals("https")) {
                change.finding(Finding.actionRequired("`backend-protocol: " + protocol + "` is not HTTP or HTTPS; "
                        + "set `appgw.ingress.kubernetes.io/backend-protocol` by hand."));
            } else if (agc) {
                if (lower.equals("https")) {
                    change.finding(Finding.actionRequired("HTTPS to the pods with Application Gateway for Containers "
                            + "needs a `BackendTLSPolicy` for the backend Service (EDGES.md §2.5)."));
                }
            } else {
                AlbIngresses.putAgic(change, object, "backend-protocol", lower);
                if (lower.equals("https")) {
                    change.finding(Finding.warning("The ALB never verified backend certificates; Application Gateway "
                            + "v2 does. If the pods serve a self-signed or private-CA certificate, upload its root "
                            + "to the gateway and name it in `appgw-trusted-root-certificate`."));
                }
            }
        });
        AlbIngresses.take(change, object, "backend-protocol-version").ifPresent(version -> {
            if (!version.equalsIgnoreCase("HTTP1")) {
                change.finding(Finding.actionRequired("`backend-protocol-version: " + version + "` has no AGIC "
                        + "counterpart: Application Gateway talks HTTP/1.1 to backends. gRPC needs Application "
                        + "Gateway for Containers with Gateway API `GRPCRoute` (EDGES.md §2.3)."));
            }
        });
    }

    private static void listenPorts(String text, KubeObject object, boolean agc, RuleOutput.ChangeBuilder change) {
        List<Integer> nonStandard = new ArrayList<>();
        try {
            JsonNode ports = Yaml.parse(text);
            for (JsonNode entry : ports) {
                entry.fields().forEachRemaining(e -> {
                    int port = e.getValue().asInt();
                    boolean standard = e.getKey().equalsIgnoreCase("HTTP") ? port == 80 : port == 443;
                    if (!standard) {
                        nonStandard.add(port);
                    }
                });
            }
        } catch (RuntimeException e) {
            change.finding(Finding.actionRequired("`listen-ports: " + text + "` is not valid JSON; check the "
                    + "listeners by hand."));
            return;
        }
        if (nonStandard.isEmpty()) {
            return;
        }
        if (agc) {
            change.finding(Finding.actionRequired("The ALB listened on " + nonStandard + "; Application Gateway for "
                    + "Containers listens on 80 and 443 only (EDGES.md §2.5). Clients must move to the standard ports."));
        } else if (nonStandard.size() == 1) {
            AlbIngresses.putAgic(change, object, "override-frontend-port", String.valueOf(nonStandard.get(0)));
        } else {
            change.finding(Finding.actionRequired("The ALB listened on several non-standard ports " + nonStandard
                    + "; AGIC takes one (`override-frontend-port`). Split the Ingress per port or pick one."));
        }
    }
}
