/** Plumbing of the Kosc adapter (login, parsing, mapping, rules); not a public API. */
package dev.troubleticket.kosc.internal;
