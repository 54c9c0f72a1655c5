package dev.lantern.engine.onnx;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.logging.Logger;

/**
 * Frees a direct buffer's memory now rather than at some later garbage collection, through the JDK's
 * {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported), as Netty and Lucene do. Where that is not
 * accessible the buffer is left to the collector, as before. Only for buffers nothing refers to any more.
 */
final class DirectMemory {
    private static final Logger LOG = Logger.getLogger(DirectMemory.class.getName());
    private static final MethodHandle INVOKE_CLEANER = findCleaner();

    private DirectMemory() {
    }

    /** Frees {@code buffer} (a buffer from {@link ByteBuffer#allocateDirect}, not a slice of one). */
    static void free(ByteBuffer buffer) {
        if (INVOKE_CLEANER == null || !buffer.isDirect()) {
            return;
        }
        try {
            INVOKE_CLEANER.invokeExact(buffer);
        } catch (IllegalArgumentException e) { // a slice or duplicate: the collector frees it with its parent
            LOG.fine(() -> "cannot free a direct buffer now: " + e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) { // invokeExact declares Throwable; invokeCleaner throws nothing checked
            throw new IllegalStateException(e);
        }
    }

    static boolean freesAtOnce() {
        return INVOKE_CLEANER != null;
    }

    private static MethodHandle findCleaner() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            Object unsafe = field.get(null);
            return MethodHandles.lookup()
                    .findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                    .bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info(() -> "direct buffers are freed by the garbage collector (" + e + ")");
            return null;
        }
    }
}
