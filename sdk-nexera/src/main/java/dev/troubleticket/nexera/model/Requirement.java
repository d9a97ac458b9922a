package dev.troubleticket.nexera.model;

/** The Nexera document's data requirement codes, per field, ticket type and operation. */
public enum Requirement {
    /** "R": the request must carry the field. */
    REQUIRED("R"),
    /** "O": the request may carry the field. */
    OPTIONAL("O"),
    /** "P": the request must not carry the field (the server sets it, or it cannot change). */
    PROHIBITED("P"),
    /**
     * "PD": whether the field may or must be sent depends on the process; the SDK checks the process rule
     * named for the field (for example {@code status} on PATCH only for the transitions an operator may make).
     */
    PROCESS_DEPENDENT("PD");

    private final String code;

    Requirement(String code) {
        this.code = code;
    }

    /** The document's code: R, O, P or PD. */
    public String code() {
        return code;
    }

    /** Reads a document code (R, O, P, PD). */
    public static Requirement fromCode(String code) {
        for (Requirement r : values()) {
            if (r.code.equalsIgnoreCase(code.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown requirement code '" + code + "'");
    }
}
