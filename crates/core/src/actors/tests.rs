//! Unit tests for the actor rules.
