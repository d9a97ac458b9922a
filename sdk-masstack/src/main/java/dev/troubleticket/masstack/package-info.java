/**
 * The MasMovil MasStack adapter: {@link dev.troubleticket.masstack.MasStackClient} (neutral),
 * {@link dev.troubleticket.masstack.MasStackApi} (typed), the {@link dev.troubleticket.masstack.model.TransactionTable},
 * service-account authentication ({@link dev.troubleticket.masstack.ServiceAccount}) and change tracking
 * by re-reading followed tickets ({@link dev.troubleticket.masstack.MasStackClient#subscribe}).
 */
package dev.troubleticket.masstack;
