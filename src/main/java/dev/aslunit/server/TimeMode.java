package dev.aslunit.server;

/**
 * How the server's executions spend time.
 * <ul>
 *   <li>{@link #virtual()} (the default): Wait states, retry backoff and timeouts complete at once;
 *       only an execution waiting for a callback or an activity worker waits, on the wall clock,
 *       so its {@code TimeoutSeconds} and {@code HeartbeatSeconds} still expire.</li>
 *   <li>{@link #real()}: AWS's timing, one virtual second per wall-clock second.</li>
 *   <li>{@link #scaled(double)}: {@code factor} virtual seconds per wall-clock second
 *       ({@code scale=60} runs a one-minute Wait in a second).</li>
 * </ul>
 */
public record TimeMode(boolean eager, double factor) {

    public TimeMode {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("The time scale must be a positive number, not " + factor);
        }
    }

    public static TimeMode virtual() {
        return new TimeMode(true, 1);
    }

    public static TimeMode real() {
        return new TimeMode(false, 1);
    }

    public static TimeMode scaled(double factor) {
        return new TimeMode(false, factor);
    }

    /** Reads {@code virtual}, {@code real} or {@code scale=N}, as {@code aslunit serve --time} takes it. */
    public static TimeMode parse(String text) {
        String t = text.trim();
        if (t.equals("virtual")) {
            return virtual();
        }
        if (t.equals("real")) {
            return real();
        }
        if (t.startsWith("scale=")) {
            try {
                return scaled(Double.parseDouble(t.substring("scale=".length())));
            } catch (NumberFormatException e) {
                // reported below with the accepted forms
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid time mode '" + text + "': " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("Invalid time mode '" + text
                + "': use virtual, real or scale=N (N virtual seconds per second, e.g. scale=60)");
    }

    @Override
    public String toString() {
        if (eager) {
            return "virtual";
        }
        return factor == 1 ? "real" : "scale=" + (factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor));
    }
}
