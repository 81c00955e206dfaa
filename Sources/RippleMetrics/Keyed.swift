/// A value under a key (a survey, a training module), in a list kept in key order.
package struct Keyed<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The key, such as `pulse` or `active_listening`.
    package var key: String
    /// The value; `nil` when suppressed or when there is nothing to measure.
    package var value: Value?

    /// Creates a keyed value.
    package init(_ key: String, _ value: Value?) { self.key = key; self.value = value }
}
