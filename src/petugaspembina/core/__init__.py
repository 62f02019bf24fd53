"""Domain layer: records, enumerations, validation and the hybrid logical clock. Pure Python."""
