package dev.ferry.engine.settings;

/**
 * One documented key of {@code settings.yaml}.
 *
 * @param path         dotted path, for example {@code aws.accountId}
 * @param description  what it is for
 * @param defaultValue what Ferry uses when it is missing, or empty when a missing value produces an
 *                     {@code action-required} finding naming the key
 * @param example      an example value
 */
public record SettingKey(String path, String description, String defaultValue, String example) {
}
