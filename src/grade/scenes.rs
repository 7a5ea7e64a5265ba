//! The contexts of a playbook's scenarios and beats, made once per grading
//! run: a graded line that names a `scenario` and `beat` starts from its
//! beat's context (as `validate --scenario --beat` does) without building it
//! again for every line.

use crate::engine::Context;
use crate::playbook::Playbook;
use crate::words::check::Kind;
use crate::words::tool::{LineProblem, UnknownId};

/// Every scenario's context, and each of its beats'.
pub struct Scenes<'p> {
    scenarios: Vec<Scene<'p>>,
}

struct Scene<'p> {
    id: &'p str,
    /// Before any beat: a line with a scenario and no beat.
    context: Context,
    beats: Vec<(&'p str, Context)>,
}

impl<'p> Scenes<'p> {
    pub fn new(playbook: &'p Playbook) -> Self {
        let scenarios = playbook
            .scenarios
            .iter()
            .map(|scenario| Scene {
                id: scenario.id.as_str(),
                context: Context::of_scenario(playbook, scenario),
                beats: scenario
                    .beats
                    .iter()
                    .map(|beat| {
                        let context = Context::of_beat(playbook, scenario, beat);
                        (beat.id.as_str(), context)
                    })
                    .collect(),
            })
            .collect();
        Scenes { scenarios }
    }

    /// The context a line naming `scenario` (and `beat`) starts from, or why
    /// there is none, with the likely typo.
    pub fn context(&self, scenario: &str, beat: Option<&str>) -> Result<&Context, LineProblem> {
        let Some(scene) = self.scenarios.iter().find(|s| s.id == scenario) else {
            let scenarios = self.scenarios.iter().map(|s| s.id);
            let unknown = UnknownId::new(Kind::Scenario, scenario, scenarios);
            return Err(LineProblem::Unknown(unknown));
        };
        let Some(beat) = beat else {
            return Ok(&scene.context);
        };
        scene
            .beats
            .iter()
            .find(|(id, _)| *id == beat)
            .map(|(_, context)| context)
            .ok_or_else(|| LineProblem::NoSuchBeat {
                scenario: scenario.to_owned(),
                beat: UnknownId::new(Kind::Beat, beat, scene.beats.iter().map(|(id, _)| *id)),
            })
    }
}
