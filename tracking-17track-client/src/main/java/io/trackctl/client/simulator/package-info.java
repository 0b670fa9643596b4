/**
 * A local 17TRACK v2.2 stand-in for tests, benchmarks and demos: {@link
 * io.trackctl.client.simulator.Simulator} started from a {@link io.trackctl.client.simulator.SimulatorConfig},
 * with injectable {@link io.trackctl.client.simulator.Faults} and a record of what it saw.
 */
package io.trackctl.client.simulator;
