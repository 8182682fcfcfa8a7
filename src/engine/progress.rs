//! How a run reports its progress; the library never touches the terminal.

use crate::ledger::InputInfo;

/// Progress of a long run, reported in bytes of input. The library never
/// touches the terminal; the command-line tool draws a bar from this.
pub trait Progress: Sync {
    /// The run starts; `total_bytes` is the input size (0 if unknown).
    fn start(&self, _total_bytes: u64) {}
    /// `done_bytes` of the input have been read.
    fn advance(&self, _done_bytes: u64) {}
    /// The run is done.
    fn finish(&self) {}
    /// An input was opened: which column became what (for a tool to show,
    /// so that a wrong guess is seen). Called for every input before the run
    /// starts.
    fn input(&self, _info: &InputInfo) {}
}

/// Reports no progress.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}
