package fr.convergence.terrain.sync.protocol;

/** A laptop asking to be enrolled with the one-time code the hub administrator gave. */
public record EnrolRequest(int protocol, String code, String deviceId, String label) {
}
