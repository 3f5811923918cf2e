//! `entente`: the command-line front of the analysis core.

fn main() {
    println!("entente: not yet");
}
