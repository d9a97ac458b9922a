/**
 * The TMF621 adapter's JSON: the Jackson module its mapper registers. Not a public API.
 */
package dev.troubleticket.nexera.internal.json;
