package io.newsmon.kafka;

/**
 * Another process of the same stage took over this process's instance id (the broker fenced this one's
 * producer or group membership): this process stops, since two processes under one id would take the work
 * away from each other for ever.
 */
public final class InstanceConflictException extends RuntimeException {
    public InstanceConflictException(String stage, String groupId, String instanceId, Throwable cause) {
        super(stage + ": another process of the stage started with this one's instance id \"" + instanceId
                + "\" (group " + groupId + ") and took over its work, so this one stops. Two processes of one stage"
                + " need instance ids of their own: give each one --instance-id (or NEWSMON_INSTANCE_ID); by default"
                + " it is the host name", cause);
    }
}
