/** Seeded, reproducible fault injection in front of any simulator. */
package dev.troubleticket.testkit.faults;
