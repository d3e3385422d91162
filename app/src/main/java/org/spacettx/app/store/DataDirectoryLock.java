package org.spacettx.app.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one server of a data directory: a server holds an OS lock on {@code spacettx.lock} while it runs, so that a
 * second server on the same directory (two engines appending to one log) and a restore under a running server
 * are refused. The operating system drops the lock when the process ends, however it ends (a SIGKILL included).
 *
 * <p>A lock is released when its channel is closed, and a channel nobody references is closed when it is garbage
 * collected. So every lock taken stays in {@link #HELD} until {@link #close()}: however a caller keeps (or drops) the
 * object, the lock lasts until it is closed or the process ends, never until the next collection.
 */
public final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "spacettx.lock";

    /** Every lock this process holds: the strong references that keep their channels open. */
    private static final Set<DataDirectoryLock> HELD = ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the directory's lock, held until {@link #close()} or the end of the process.
     *
     * @throws StoreException when another process holds it (a server is running there), or this one does
     */
    public static DataDirectoryLock take(Path dataDirectory) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDirectory);
            channel = FileChannel.open(dataDirectory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this process holds it already
            }
            if (lock == null) {
                channel.close();
                throw new StoreException("a SpaceTTX server is running on " + dataDirectory + " (it holds " + FILE + "); stop it first");
            }
            DataDirectoryLock held = new DataDirectoryLock(channel, lock);
            HELD.add(held);
            return held;
        } catch (IOException e) {
            close(channel);
            throw new StoreException("cannot lock " + dataDirectory.resolve(FILE) + ": " + e.getMessage());
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    @Override
    public void close() {
        HELD.remove(this);
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
