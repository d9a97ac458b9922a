/**
 * Following a provider's events: checkpoints, at-least-once delivery, duplicate dropping.
 */
package dev.troubleticket.core.feed;
