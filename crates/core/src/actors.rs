//! Actors: finding states, organisations and people (known and unknown) in a body,
//! resolving aliases, adjectives, metonyms and role phrases to canonical actors.

use crate::kb::KnowledgeBase;
use crate::model::{Actor, Span};

/// The compiled matcher over every alias in the knowledge base.
#[derive(Debug, Clone)]
pub struct ActorMatcher {
    kb: KnowledgeBase,
}

impl ActorMatcher {
    pub fn new(kb: &KnowledgeBase) -> Self {
        ActorMatcher { kb: kb.clone() }
    }

    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Every actor in `body`, once each with all its mentions, in order of first mention.
    /// `date` (`YYYY-MM-DD`) picks who held a role ("the Russian president") at the time.
    pub fn find(&self, body: &str, sentences: &[Span], date: Option<&str>) -> Vec<Actor> {
        let _ = (body, sentences, date);
        Vec::new()
    }
}
