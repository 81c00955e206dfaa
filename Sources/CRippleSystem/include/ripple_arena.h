#ifndef RIPPLE_ARENA_H
#define RIPPLE_ARENA_H

#include <stddef.h>

/// The same layout as cmark's `cmark_mem` (calloc, realloc, free), so it can be passed to
/// `cmark_parser_new_with_mem`.
typedef struct ripple_cmark_mem {
    void *(*calloc)(size_t, size_t);
    void *(*realloc)(void *, size_t);
    void (*free)(void *);
} ripple_cmark_mem;

/// A point in the calling thread's arena to go back to.
typedef struct ripple_arena_mark {
    void *chunk;
    size_t used;
} ripple_arena_mark;

/// The calling thread's arena as a cmark allocator: `free` does nothing; memory comes back with
/// `ripple_arena_release`.
ripple_cmark_mem *ripple_arena_allocator(void);

/// Where the calling thread's arena is now.
ripple_arena_mark ripple_arena_mark_now(void);

/// Gives back everything the calling thread allocated from its arena since `mark` (marks nest).
void ripple_arena_release(ripple_arena_mark mark);

#endif
