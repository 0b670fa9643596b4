package io.trackctl.client.model;

/** The plain accepted item of stoptrack, retrack, deletetrack, push and changeinfo. */
public record Accepted(String number, Integer carrier) {
}
