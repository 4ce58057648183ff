package dev.finnews.store;

/** Time order of a list: newest first ({@code DESC}, the default) or oldest first. */
public enum SortOrder {
    ASC, DESC
}
