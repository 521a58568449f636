package dev.ferry.cluster.apply;

import dev.ferry.cluster.connect.RetryPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How a wave is applied.
 *
 * @param dryRunOnly             stop after the server-side dry run (nothing is written, the journal records the run)
 * @param readinessTimeouts      per kind, how long to wait for readiness; kinds not listed use {@code defaultTimeout}
 * @param defaultTimeout         readiness timeout of kinds not listed
 * @param pollInterval           how often readiness is checked
 * @param retry                  retries of 429, 5xx, timeouts and unreachable servers
 * @param replaceExistingSecrets allow overwriting a Secret that exists on the target; its values cannot be restored
 *                               by rollback (they are never recorded), so this is off unless the operator says so
 * @param waitForReadiness       wait for readiness after applying (off: the wave ends once every object is applied)
 */
public record ApplyOptions(boolean dryRunOnly, Map<String, Duration> readinessTimeouts, Duration defaultTimeout,
                           Duration pollInterval, RetryPolicy retry, boolean replaceExistingSecrets,
                           boolean waitForReadiness) {

    public ApplyOptions {
        readinessTimeouts = Map.copyOf(readinessTimeouts);
    }

    /** Timeouts as {@code kubectl rollout status} users expect them; Jobs get half an hour. */
    public static ApplyOptions defaults() {
        Map<String, Duration> timeouts = new HashMap<>();
        timeouts.put("Deployment", Duration.ofMinutes(10));
        timeouts.put("StatefulSet", Duration.ofMinutes(15));
        timeouts.put("DaemonSet", Duration.ofMinutes(10));
        timeouts.put("Job", Duration.ofMinutes(30));
        timeouts.put("PersistentVolumeClaim", Duration.ofMinutes(5));
        timeouts.put("Service", Duration.ofMinutes(10));
        timeouts.put("Ingress", Duration.ofMinutes(10));
        timeouts.put("CustomResourceDefinition", Duration.ofMinutes(2));
        return new ApplyOptions(false, timeouts, Duration.ofMinutes(5), Duration.ofSeconds(2),
                RetryPolicy.defaults(), false, true);
    }

    public Duration timeoutFor(String kind) {
        return readinessTimeouts.getOrDefault(kind, defaultTimeout);
    }

    public ApplyOptions withDryRunOnly(boolean value) {
        return new ApplyOptions(value, readinessTimeouts, defaultTimeout, pollInterval, retry, replaceExistingSecrets,
                waitForReadiness);
    }

    public ApplyOptions withRetry(RetryPolicy value) {
        return new ApplyOptions(dryRunOnly, readinessTimeouts, defaultTimeout, pollInterval, value,
                replaceExistingSecrets, waitForReadiness);
    }

    public ApplyOptions withPollInterval(Duration value) {
        return new ApplyOptions(dryRunOnly, readinessTimeouts, defaultTimeout, value, retry, replaceExistingSecrets,
                waitForReadiness);
    }

    /** The same options with every readiness timeout set to {@code value}. */
    public ApplyOptions withAllTimeouts(Duration value) {
        Map<String, Duration> all = new HashMap<>();
        readinessTimeouts.keySet().forEach(k -> all.put(k, value));
        return new ApplyOptions(dryRunOnly, all, value, pollInterval, retry, replaceExistingSecrets,
                waitForReadiness);
    }

    public ApplyOptions withReplaceExistingSecrets(boolean value) {
        return new ApplyOptions(dryRunOnly, readinessTimeouts, defaultTimeout, pollInterval, retry, value,
                waitForReadiness);
    }

    public ApplyOptions withWaitForReadiness(boolean value) {
        return new ApplyOptions(dryRunOnly, readinessTimeouts, defaultTimeout, pollInterval, retry,
                replaceExistingSecrets, value);
    }
}
