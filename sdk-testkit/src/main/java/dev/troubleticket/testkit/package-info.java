/**
 * Stateful simulators of each provider, for the SDK's own contract tests and for users' tests: run one
 * in-process, point a client at its base URL, and play the provider's side through its test API.
 */
package dev.troubleticket.testkit;
