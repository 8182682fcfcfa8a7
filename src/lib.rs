//! placeholder
mod analysis;
mod error;
mod theme;
pub use analysis::*;
pub use error::*;
pub use theme::*;
