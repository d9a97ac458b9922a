package dev.troubleticket.reliability;

/** Pulls the base64 body of the private key out of a service-account JSON, to search for it elsewhere. */
final class PrivateKeyText {
    private PrivateKeyText() {
    }

    /** A long, distinctive slice of the key's base64 body (the PEM header and line breaks left out). */
    static String body(String serviceAccountJson) {
        int begin = serviceAccountJson.indexOf("PRIVATE KEY-----");
        String rest = serviceAccountJson.substring(begin + "PRIVATE KEY-----".length()).replace("\\n", "");
        return rest.substring(0, 48);
    }
}
