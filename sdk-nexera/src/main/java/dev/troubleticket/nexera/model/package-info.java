/**
 * The TMF621 wire types: the TroubleTicket resource and its parts, with string-backed values for the
 * provider's vocabularies so that unknown values are kept.
 */
package dev.troubleticket.nexera.model;
