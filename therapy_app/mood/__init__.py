"""The check-in: feelings vocabulary, scales, conditioning vector, text reading, safety."""
