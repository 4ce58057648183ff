package dev.finnews.store;

/** One category level: as first written ({@code name}), its normalised key, and how many articles carry it. */
public record CategoryCount(String name, String key, long articles) {
}
