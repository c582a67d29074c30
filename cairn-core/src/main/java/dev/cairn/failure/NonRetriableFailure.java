package dev.cairn.failure;

/**
 * Marks an exception that a retry policy must never retry. Implement it on an activity's exception type when
 * trying again cannot help (bad input, a business rule refusing the request).
 */
public interface NonRetriableFailure {}
