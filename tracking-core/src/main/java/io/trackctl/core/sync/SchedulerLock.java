package io.trackctl.core.sync;

/**
 * Makes sure one instance at a time schedules pulls (a PostgreSQL advisory lock in a cluster; a
 * single process needs nothing more than this process).
 */
public interface SchedulerLock {

    /** True when this instance holds the lock now (taking it if free). */
    boolean tryAcquire();

    /** Lets another instance take over. */
    void release();

    /** The lock for a single process: always held. */
    static SchedulerLock local() {
        return new SchedulerLock() {
            @Override
            public boolean tryAcquire() {
                return true;
            }

            @Override
            public void release() {
            }
        };
    }
}
