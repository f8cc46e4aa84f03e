package dev.aslunit.internal.seam;

import java.lang.invoke.MethodHandles;
import java.util.Objects;

/**
 * What a public API class grants an internal seam when its class initialises: given once, by that
 * class only. Asked for before the class has initialised (an internal may need it before any
 * instance exists), it initialises the class, which grants it; no reflection on members.
 *
 * @param <T> the seam's view of the API class's non-public parts
 */
public final class Granted<T> {

    private final String seam;
    private final Class<?> grantor;
    private volatile T value;

    /** @param seam the seam's name, for the message a second grant gets */
    public Granted(String seam, Class<?> grantor) {
        this.seam = Objects.requireNonNull(seam, "seam");
        this.grantor = Objects.requireNonNull(grantor, "grantor");
    }

    /** Called once, by the grantor's static initialiser. */
    public synchronized void grant(T granted) {
        if (value != null) {
            throw new IllegalStateException(seam + ".grant is called by " + grantor.getSimpleName() + " only");
        }
        value = Objects.requireNonNull(granted, "grant");
    }

    public T get() {
        T v = value;
        if (v == null) {
            try {
                MethodHandles.lookup().ensureInitialized(grantor);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            v = value;
        }
        return v;
    }
}
