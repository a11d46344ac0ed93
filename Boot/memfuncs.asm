; C memory primitives the Swift runtime and stdlib call (memcpy, memmove, memset, memcmp, bzero).
; In assembly on purpose: LLVM turns byte loops written in Swift back into calls to these very functions.

global memcpy, memmove, memset, memcmp, bcmp, bzero

section .text
bits 64

; void *memcpy(void *dst, const void *src, size_t n)
memcpy:
    mov rax, rdi
    mov rcx, rdx
    rep movsb
    ret

; void *memmove(void *dst, const void *src, size_t n)
memmove:
    mov rax, rdi
    mov rcx, rdx
    cmp rdi, rsi
    jbe .forward
    lea r8, [rsi + rdx]
    cmp rdi, r8
    jae .forward
    lea rsi, [rsi + rdx - 1]                        ; overlapping, dst above src: copy backwards
    lea rdi, [rdi + rdx - 1]
    std
    rep movsb
    cld
    ret
.forward:
    rep movsb
    ret

; void *memset(void *dst, int c, size_t n)
memset:
    mov r8, rdi
    mov eax, esi
    mov rcx, rdx
    rep stosb
    mov rax, r8
    ret

; void bzero(void *dst, size_t n)
bzero:
    xor eax, eax
    mov rcx, rsi
    rep stosb
    ret

; int memcmp(const void *a, const void *b, size_t n)
memcmp:
bcmp:
    xor eax, eax
    test rdx, rdx
    jz .done
.loop:
    movzx eax, byte [rdi]
    movzx ecx, byte [rsi]
    sub eax, ecx
    jnz .done
    inc rdi
    inc rsi
    dec rdx
    jnz .loop
.done:
    ret
