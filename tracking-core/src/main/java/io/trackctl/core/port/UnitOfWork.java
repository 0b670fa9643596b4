package io.trackctl.core.port;

import java.util.function.Supplier;

/**
 * Runs several port calls as one unit: one transaction, committed when the work returns and rolled
 * back when it throws. Lets a worker pay for many small writes with one turn of the database's
 * writer. Stores without such a unit run the work as it is ({@link #NONE}).
 */
public interface UnitOfWork {

    /** Each port call commits on its own. */
    UnitOfWork NONE = new UnitOfWork() {
        @Override
        public <T> T inOne(Supplier<T> work) {
            return work.get();
        }
    };

    <T> T inOne(Supplier<T> work);
}
