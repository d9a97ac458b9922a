/**
 * The Kosc Telecom / Covage adapter: {@link dev.troubleticket.kosc.KoscClient} (neutral) and
 * {@link dev.troubleticket.kosc.KoscApi} (the full typed API).
 */
package dev.troubleticket.kosc;
