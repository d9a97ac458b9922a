-- Trouble Ticket SDK subscription store, schema version 1. PostgreSQL 13 or later.
-- ${prefix} is the table prefix (default troubleticket_): substituted by JdbcSubscriptionStore.migrate(), or by
-- Flyway (placeholder "prefix") or Liquibase (changelog parameter "prefix") when they run this file.

-- The versions applied, read by the store at its first use. This file records its own version, so that a schema
-- created by Flyway or Liquibase is recognised too.
CREATE TABLE ${prefix}schema_version (
    version      integer     PRIMARY KEY,
    description  text        NOT NULL,
    installed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per subscription, never deleted: the token grows with each new holder, a released lease included.
CREATE TABLE ${prefix}lease (
    subscription text        PRIMARY KEY,
    owner        text        NOT NULL,
    token        bigint      NOT NULL,
    expires_at   timestamptz NOT NULL,
    ttl_millis   bigint      NOT NULL,
    released     boolean     NOT NULL DEFAULT false
);

CREATE TABLE ${prefix}position (
    subscription    text NOT NULL,
    stream          text NOT NULL,
    stream_position text NOT NULL,
    PRIMARY KEY (subscription, stream)
);

-- The seen window: seq numbers a subscription's handled events without gaps, so that keeping the newest N is
-- deleting seq <= last - N. The counter row also orders concurrent commits of one subscription.
CREATE TABLE ${prefix}seen_counter (
    subscription text   PRIMARY KEY,
    last_seq     bigint NOT NULL
);

CREATE TABLE ${prefix}seen (
    subscription text   NOT NULL,
    event_key    text   NOT NULL,
    seq          bigint NOT NULL,
    PRIMARY KEY (subscription, event_key)
);
CREATE INDEX ${prefix}seen_by_seq ON ${prefix}seen (subscription, seq);

CREATE TABLE ${prefix}followed (
    subscription text        NOT NULL,
    ticket_id    text        NOT NULL,
    state        text,
    followed_at  timestamptz NOT NULL,
    PRIMARY KEY (subscription, ticket_id)
);

-- callback_url and callback_token are secrets (they let anyone post events): grant this table accordingly.
CREATE TABLE ${prefix}hub (
    subscription   text        PRIMARY KEY,
    hub_id         text,
    callback_url   text        NOT NULL,
    callback_token text,
    hub_query      text,
    registered_at  timestamptz NOT NULL
);

-- event_key is the provider's event id: one row per notification, whichever instance received it.
CREATE TABLE ${prefix}inbox (
    subscription text        NOT NULL,
    event_key    text        NOT NULL,
    received_seq bigint      GENERATED ALWAYS AS IDENTITY,
    lane         text        NOT NULL,
    event        text        NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (subscription, event_key)
);
CREATE INDEX ${prefix}inbox_by_seq ON ${prefix}inbox (subscription, received_seq);

CREATE TABLE ${prefix}dead_letter (
    subscription text        NOT NULL,
    letter_key   text        NOT NULL,
    parked_seq   bigint      GENERATED ALWAYS AS IDENTITY,
    event        text        NOT NULL,
    error        text,
    attempts     integer     NOT NULL,
    parked_at    timestamptz NOT NULL,
    PRIMARY KEY (subscription, letter_key)
);
CREATE INDEX ${prefix}dead_letter_by_seq ON ${prefix}dead_letter (subscription, parked_seq);

INSERT INTO ${prefix}schema_version (version, description) VALUES (1, 'subscription store');
