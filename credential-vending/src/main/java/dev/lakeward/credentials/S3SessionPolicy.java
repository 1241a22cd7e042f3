package dev.lakeward.credentials;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inline session policy an STS AssumeRole call carries, scoping the role's credentials to
 * locations: objects under each prefix to read (and, for READ_WRITE, to write, delete and upload
 * in parts), listing only with an {@code s3:prefix} condition, and the bucket's location. IAM's
 * wildcard characters in a path are escaped, so a key named {@code a*b} grants {@code a*b} alone.
 */
public final class S3SessionPolicy {

    /** AWS's limit on an inline session policy's plaintext, checked before the call is made. */
    public static final int MAX_LENGTH = 2_048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private S3SessionPolicy() {
    }

    /** The policy as sent: minified JSON. No locations is a deny-all, never an empty (allow-all) policy. */
    public static String of(Collection<StorageLocation> locations, AccessLevel access) {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        if (locations.isEmpty()) {
            statements.addObject().put("Sid", "DenyAll").put("Effect", "Deny").put("Action", "s3:*").put("Resource", "*");
            return policy.toString();
        }
        Map<String, List<String>> prefixesByBucket = new LinkedHashMap<>();
        for (StorageLocation location : locations) {
            if (!location.scheme().equals("s3")) {
                throw new IllegalArgumentException(location.url() + " is not an S3 location.");
            }
            prefixesByBucket.computeIfAbsent(location.bucket(), b -> new ArrayList<>()).add(location.prefix());
        }
        ArrayNode objects = JSON.createArrayNode();
        prefixesByBucket.forEach((bucket, prefixes) -> prefixes.forEach(prefix ->
                objects.add("arn:aws:s3:::" + bucket + "/" + (prefix.isEmpty() ? "" : escape(prefix) + "/") + "*")));
        ObjectNode read = statements.addObject().put("Sid", "ReadObjects").put("Effect", "Allow");
        read.putArray("Action").add("s3:GetObject").add("s3:GetObjectVersion");
        read.set("Resource", objects.deepCopy());
        if (access == AccessLevel.READ_WRITE) {
            ObjectNode write = statements.addObject().put("Sid", "WriteObjects").put("Effect", "Allow");
            write.putArray("Action").add("s3:PutObject").add("s3:DeleteObject").add("s3:DeleteObjectVersion")
                    .add("s3:AbortMultipartUpload").add("s3:ListMultipartUploadParts");
            write.set("Resource", objects.deepCopy());
        }
        prefixesByBucket.forEach((bucket, prefixes) -> {
            ObjectNode list = statements.addObject().put("Sid", "List" + sid(bucket)).put("Effect", "Allow");
            list.putArray("Action").add("s3:ListBucket").add("s3:GetBucketLocation");
            if (access == AccessLevel.READ_WRITE) {
                ((ArrayNode) list.get("Action")).add("s3:ListBucketMultipartUploads");
            }
            list.put("Resource", "arn:aws:s3:::" + bucket);
            if (!prefixes.contains("")) {
                ArrayNode like = list.putObject("Condition").putObject("StringLike").putArray("s3:prefix");
                // the folder's keys only: the bare prefix would also list siblings that start alike (t1 and t10)
                prefixes.forEach(prefix -> like.add(escape(prefix) + "/*"));
            }
        });
        String text = policy.toString();
        if (text.length() > MAX_LENGTH) {
            throw new PolicyTooLarge("The session policy for " + locations.size() + " locations is " + text.length()
                    + " characters; AWS allows " + MAX_LENGTH + ". Ask for fewer locations at once.");
        }
        return text;
    }

    /** IAM reads {@code *}, {@code ?} and {@code $} in resources and conditions as wildcards and variables. */
    static String escape(String path) {
        StringBuilder escaped = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            switch (c) {
                case '*', '?', '$' -> escaped.append("${").append(c).append('}');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A statement id from a bucket name: IAM allows letters and digits only. */
    private static String sid(String bucket) {
        return bucket.replaceAll("[^A-Za-z0-9]", "");
    }

    /** The policy would be refused by STS for its size. */
    public static final class PolicyTooLarge extends IllegalArgumentException {
        PolicyTooLarge(String message) {
            super(message);
        }
    }
}
