package dev.troubleticket.masstack.internal;

import java.io.ByteArrayOutputStream;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RSA private keys from PEM text: PKCS#8 ({@code BEGIN PRIVATE KEY}, what service-account files
 * hold) and PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what {@code openssl genrsa} used to write).
 *
 * <p>Error messages say what is wrong with the text but never repeat any of it.
 */
public final class PemKeys {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ((?:RSA )?PRIVATE KEY)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    // AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters.
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {
    }

    /**
     * The RSA private key in the PEM text.
     *
     * @throws IllegalArgumentException saying what is wrong (to be prefixed with the field's name)
     */
    public static RSAPrivateKey readRsaPrivateKey(String pem) {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("is not a PEM RSA private key (expected '-----BEGIN PRIVATE KEY-----'"
                    + " or '-----BEGIN RSA PRIVATE KEY-----' and its matching END line)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a PEM body that is not valid base64");
        }
        if (m.group(1).startsWith("RSA")) {
            der = pkcs1ToPkcs8(der);
        }
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof RSAPrivateKey rsa)) {
                throw new IllegalArgumentException("is not an RSA key");
            }
            return rsa;
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("is not a valid RSA private key (" + m.group(1) + " block could not be decoded)");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA support", e);
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, which the JDK can read. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(new byte[] {0x02, 0x01, 0x00}); // version 0
        info.writeBytes(RSA_ALGORITHM);
        info.write(0x04); // OCTET STRING holding the PKCS#1 key
        info.writeBytes(derLength(pkcs1.length));
        info.writeBytes(pkcs1);
        byte[] content = info.toByteArray();
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        sequence.writeBytes(derLength(content.length));
        sequence.writeBytes(content);
        return sequence.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
