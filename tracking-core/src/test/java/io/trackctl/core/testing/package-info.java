/**
 * Test data for trackctl, shipped in the tracking-core test-jar
 * ({@code <type>test-jar</type>}, {@code <scope>test</scope>}).
 *
 * <ul>
 *   <li>{@link io.trackctl.core.testing.TestData}: builders ({@code aSnapshot()}, {@code anEvent()},
 *       {@code aProvider()}) and pushes ({@code anUpdatedPush}, {@code aStoppedPush},
 *       {@code aMinimalTestPush}, {@code onTheWire}).</li>
 *   <li>{@link io.trackctl.core.testing.PushHistories}: seeded, realistic push histories per number
 *       ({@link io.trackctl.core.testing.NumberHistory}), interleaved or shuffled with repeats; each push
 *       is a {@link io.trackctl.core.testing.GeneratedPush} with its payload and its exact JSON bytes.</li>
 *   <li>{@link io.trackctl.core.testing.WireJson}: the 17TRACK wire JSON of a payload.</li>
 *   <li>{@link io.trackctl.core.testing.Signatures}: the {@code sign} header for a body and key.</li>
 *   <li>{@link io.trackctl.core.testing.Fixtures}: the shared 17TRACK fixture files, byte for byte.</li>
 * </ul>
 *
 * <pre>{@code
 * Random random = new Random(seed);
 * List<NumberHistory> histories = PushHistories.histories(random, 3);
 * for (GeneratedPush push : PushHistories.shuffledWithRepeats(random, histories, 3)) {
 *     post("/webhooks/17track", push.json(), Signatures.sign(push.json(), key));
 * }
 * // every number ends as histories.get(i).lastSnapshot() says, stopped if histories.get(i).stopped()
 * }</pre>
 */
package io.trackctl.core.testing;
