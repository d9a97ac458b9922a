/** Kosc wire types: tickets, ticket events, feed events and their typed data, requests. */
package dev.troubleticket.kosc.model;
