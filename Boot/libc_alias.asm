; C names the Swift compiler reserves for its runtime (`@_cdecl("free")` draws a warning that will become an
; error): they jump to the Swift implementations in Kernel/Memory/KernelHeap.swift.

global malloc, free
extern warden_malloc, warden_free

section .text
bits 64

malloc:
    jmp warden_malloc

free:
    jmp warden_free
