// A per-thread bump allocator for cmark's documents. cmark allocates every node, literal and output buffer
// with calloc/realloc and frees them one by one; on a 10,000-chapter guide that was a large share of the build.
// Here a document's memory is taken from big chunks and given back all at once (ripple_arena_release).

#include "ripple_arena.h"
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define RIPPLE_CHUNK_SIZE ((size_t)1 << 20)
#define RIPPLE_ALIGN ((size_t)16)

typedef struct ripple_chunk {
    struct ripple_chunk *next;
    size_t size;
    size_t used;
    size_t pad; // keeps data 16-byte aligned
    unsigned char data[];
} ripple_chunk;

static __thread ripple_chunk *first_chunk;
static __thread ripple_chunk *current_chunk;
static __thread unsigned char *last_block;

static size_t round_up(size_t n) { return (n + RIPPLE_ALIGN - 1) & ~(RIPPLE_ALIGN - 1); }

// Every block is preceded by its size, in RIPPLE_ALIGN bytes so the block stays aligned.
static void *arena_alloc(size_t size) {
    size_t need = RIPPLE_ALIGN + round_up(size ? size : 1);
    if (need < size) return NULL; // overflow
    while (current_chunk && current_chunk->used + need > current_chunk->size) {
        ripple_chunk *next = current_chunk->next;
        if (!next) break;
        next->used = 0;
        current_chunk = next;
    }
    if (!current_chunk || current_chunk->used + need > current_chunk->size) {
        size_t size_of_chunk = need > RIPPLE_CHUNK_SIZE ? need : RIPPLE_CHUNK_SIZE;
        ripple_chunk *chunk = malloc(sizeof(ripple_chunk) + size_of_chunk);
        if (!chunk) return NULL;
        chunk->size = size_of_chunk;
        chunk->used = 0;
        if (current_chunk) {
            chunk->next = current_chunk->next;
            current_chunk->next = chunk;
        } else {
            chunk->next = first_chunk;
            first_chunk = chunk;
        }
        current_chunk = chunk;
    }
    unsigned char *header = current_chunk->data + current_chunk->used;
    current_chunk->used += need;
    *(size_t *)header = size;
    last_block = header + RIPPLE_ALIGN;
    return last_block;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) return NULL;
    void *block = arena_alloc(count * size);
    if (block) memset(block, 0, count * size);
    return block;
}

static void *arena_realloc(void *block, size_t size) {
    if (!block) return arena_alloc(size);
    size_t old = *(size_t *)((unsigned char *)block - RIPPLE_ALIGN);
    // The last block of the current chunk grows in place (cmark's buffers grow this way while rendering).
    if (block == last_block && current_chunk) {
        size_t start = (size_t)((unsigned char *)block - current_chunk->data);
        size_t end = start + round_up(size ? size : 1);
        if (end <= current_chunk->size && end >= start) {
            current_chunk->used = end;
            *(size_t *)((unsigned char *)block - RIPPLE_ALIGN) = size;
            return block;
        }
    }
    void *moved = arena_alloc(size);
    if (moved) memcpy(moved, block, old < size ? old : size);
    return moved;
}

static void arena_free(void *block) { (void)block; }

static ripple_cmark_mem arena_mem = { arena_calloc, arena_realloc, arena_free };

ripple_cmark_mem *ripple_arena_allocator(void) { return &arena_mem; }

ripple_arena_mark ripple_arena_mark_now(void) {
    ripple_arena_mark mark = { current_chunk, current_chunk ? current_chunk->used : 0 };
    return mark;
}

void ripple_arena_release(ripple_arena_mark mark) {
    current_chunk = mark.chunk;
    if (current_chunk) current_chunk->used = mark.used;
    else if (first_chunk) { current_chunk = first_chunk; current_chunk->used = 0; }
    last_block = NULL;
}
