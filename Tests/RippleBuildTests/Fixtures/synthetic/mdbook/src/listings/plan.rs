// ANCHOR: goal
fn goal() -> &'static str {
    "grow"
}
// ANCHOR_END: goal
fn main() {
    println!("{}", goal());
}
