package io.trackctl.store.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriterLockTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    @Test
    void aPriorityWriteGoesBeforeOtherWritersThatWereWaitingLonger() throws Exception {
        WriterLock writer = new WriterLock(LONG);
        List<String> order = new CopyOnWriteArrayList<>();
        writer.lock(false);
        Thread apply = Thread.ofVirtual().start(() -> takeAndRecord(writer, false, "apply", order));
        await(() -> writer.queued() == 1);
        writer.announce();
        Thread intake = Thread.ofVirtual().start(() -> takeAndRecord(writer, true, "intake", order));
        await(() -> writer.queued() == 2);

        writer.unlock();
        intake.join();
        writer.withdraw();
        apply.join();

        assertThat(order).containsExactly("intake", "apply");
    }

    @Test
    void otherWritersHoldBackWhileIntakeIsAnnouncedEvenWithTheWriterFree() throws Exception {
        WriterLock writer = new WriterLock(LONG);
        writer.announce();
        CountDownLatch taken = new CountDownLatch(1);
        Thread apply = Thread.ofVirtual().start(() -> {
            writer.lock(false);
            taken.countDown();
            writer.unlock();
        });
        await(() -> writer.queued() == 1);

        assertThat(taken.await(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(writer.isHeld()).isFalse();
        writer.withdraw();
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
        apply.join();
    }

    @Test
    void aWriterThatHeldBackLongEnoughGoesBeforeTheNextPriorityWrite() throws Exception {
        WriterLock writer = new WriterLock(Duration.ofMillis(50));
        List<String> order = new CopyOnWriteArrayList<>();
        writer.announce();
        writer.lock(true);
        Thread apply = Thread.ofVirtual().start(() -> takeAndRecord(writer, false, "apply", order));
        await(() -> writer.overdue() == 1);
        Thread intake = Thread.ofVirtual().start(() -> takeAndRecord(writer, true, "intake", order));
        await(() -> writer.queued() == 2);

        writer.unlock();
        apply.join();
        intake.join();
        writer.withdraw();

        assertThat(order).containsExactly("apply", "intake");
    }

    @Test
    void underEndlessIntakeEveryOtherWriterStillGetsItsTurns() throws Exception {
        WriterLock writer = new WriterLock(Duration.ofMillis(5));
        writer.announce();
        Thread intake = Thread.ofPlatform().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                writer.lock(true);
                writer.unlock();
            }
        });
        AtomicIntegerArray turns = new AtomicIntegerArray(3);
        Thread[] others = new Thread[turns.length()];
        for (int i = 0; i < others.length; i++) {
            int me = i;
            others[i] = Thread.ofPlatform().start(() -> {
                for (int t = 0; t < 20; t++) {
                    writer.lock(false);
                    turns.incrementAndGet(me);
                    writer.unlock();
                }
            });
        }
        for (Thread t : others) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        intake.interrupt();
        intake.join();
        writer.withdraw();

        assertThat(others).noneMatch(Thread::isAlive);
        assertThat(turns.toString()).isEqualTo("[20, 20, 20]");
    }

    @Test
    void manyOverdueWritersDoNotShutIntakeOut() throws Exception {
        // Eight writers each holding 3 ms come back overdue faster than they can all be served:
        // intake must still get every other turn, not wait for the whole crowd again and again.
        WriterLock writer = new WriterLock(Duration.ofMillis(1));
        writer.announce();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> others = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            others.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    writer.lock(false);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3));
                    writer.unlock();
                }
            }));
        }
        long longestWait = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int turn = 0; turn < 200 && System.nanoTime() < deadline; turn++) {
            long start = System.nanoTime();
            writer.lock(true);
            longestWait = Math.max(longestWait, System.nanoTime() - start);
            writer.unlock();
        }
        running.set(false);
        writer.withdraw();
        for (Thread t : others) {
            t.join();
        }

        // One overdue writer's 3 ms turn at most, with ample room for a loaded machine; shut out,
        // intake waited seconds.
        assertThat(TimeUnit.NANOSECONDS.toMillis(longestWait)).isLessThan(500);
    }

    @Test
    void itIsReentrantAndOnlyItsHolderMayReleaseIt() throws Exception {
        WriterLock writer = new WriterLock(LONG);
        writer.lock(false);
        writer.lock(true);
        writer.unlock();
        assertThat(writer.isHeld()).isTrue();
        Thread other = Thread.ofVirtual().start(() ->
                assertThatThrownBy(writer::unlock).isInstanceOf(IllegalMonitorStateException.class));
        other.join();
        writer.unlock();
        assertThat(writer.isHeld()).isFalse();
        assertThatThrownBy(writer::withdraw).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInterruptWhileWaitingIsKeptAndTheWriterIsStillTaken() throws Exception {
        WriterLock writer = new WriterLock(LONG);
        writer.lock(false);
        boolean[] seen = new boolean[2];
        Thread waiter = Thread.ofVirtual().start(() -> {
            writer.lock(false);
            seen[0] = writer.isHeld();
            seen[1] = Thread.currentThread().isInterrupted();
            writer.unlock();
        });
        await(() -> writer.queued() == 1);
        waiter.interrupt();
        Thread.sleep(50);
        assertThat(waiter.isAlive()).isTrue();
        writer.unlock();
        waiter.join();

        assertThat(seen).containsExactly(true, true);
    }

    private static void takeAndRecord(WriterLock writer, boolean priority, String name, List<String> order) {
        writer.lock(priority);
        order.add(name);
        writer.unlock();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(1);
        }
    }
}
