//! The `gazette` command line; all the work is in the library.

mod cli;

// gazette allocates many small strings and vectors per document and, for
// large gazetteers, millions at start-up. jemalloc takes about a sixth off
// extraction's CPU time and a fifth off a million-alias build against
// glibc's allocator, with no more memory (mimalloc was as fast but used
// 45 % more memory on the corpus).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
