//! OpenAI Admin API client core.
