; Interrupt entry: 256 stubs, the IDT (every gate on an IST stack), and the common path that saves the
; general registers and the full vector state (xsave, or fxsave without XSAVE) before calling Swift
; `interruptDispatch(frame)`. Frame layout = `struct interrupt_frame` in Kernel/Arch/include/hw.h.

%define XSAVE_AREA_MAX 4096                         ; >= CPUID(0xD,0).EBX for XCR0 & 0xE7 (2688 with AVX-512)

global idt_install
global isr_stub_table
extern interruptDispatch
extern vector_save_mode

section .text
bits 64

; Vectors that push an error code themselves (SDM Vol. 3 §6.15).
%macro ISR 1
isr_%1:
%if (%1 == 8) || (%1 >= 10 && %1 <= 14) || (%1 == 17) || (%1 == 21) || (%1 == 29) || (%1 == 30)
%else
    push 0
%endif
    push %1
    jmp isr_common
%endmacro

%assign v 0
%rep 256
ISR v
%assign v v + 1
%endrep

isr_common:
    push rax
    push rbx
    push rcx
    push rdx
    push rsi
    push rdi
    push rbp
    push r8
    push r9
    push r10
    push r11
    push r12
    push r13
    push r14
    push r15
    cld
    mov rbx, rsp                                    ; rbx = frame (callee-saved across the call)
    sub rsp, XSAVE_AREA_MAX
    and rsp, ~63
    cmp dword [vector_save_mode], 1
    jne .fxsave
    xor eax, eax                                    ; XSAVE header (bytes 512..575) must be zero
    mov [rsp + 512], rax
    mov [rsp + 520], rax
    mov [rsp + 528], rax
    mov [rsp + 536], rax
    mov [rsp + 544], rax
    mov [rsp + 552], rax
    mov [rsp + 560], rax
    mov [rsp + 568], rax
    mov eax, -1
    mov edx, -1
    xsave64 [rsp]
    jmp .saved
.fxsave:
    fxsave64 [rsp]
.saved:
    mov rdi, rbx
    call interruptDispatch
    cmp dword [vector_save_mode], 1
    jne .fxrstor
    mov eax, -1
    mov edx, -1
    xrstor64 [rsp]
    jmp .restored
.fxrstor:
    fxrstor64 [rsp]
.restored:
    mov rsp, rbx
    pop r15
    pop r14
    pop r13
    pop r12
    pop r11
    pop r10
    pop r9
    pop r8
    pop rbp
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rbx
    pop rax
    add rsp, 16                                     ; vector, error code
    iretq

; Fills the IDT from isr_stub_table (interrupt gates, selector 0x08) and loads it.
; IST1 for every vector, IST2 for NMI (2), #DF (8), #MC (18).
idt_install:
    xor ecx, ecx
    lea rdi, [idt]
.next:
    lea rsi, [isr_stub_table]
    mov rax, [rsi + rcx * 8]
    mov word [rdi], ax                              ; offset 15..0
    mov word [rdi + 2], 0x08                        ; selector
    mov byte [rdi + 4], 1                           ; IST1
    cmp ecx, 2
    je .ist2
    cmp ecx, 8
    je .ist2
    cmp ecx, 18
    jne .type
.ist2:
    mov byte [rdi + 4], 2
.type:
    mov byte [rdi + 5], 0x8E                        ; present, DPL 0, 64-bit interrupt gate
    shr rax, 16
    mov word [rdi + 6], ax                          ; offset 31..16
    shr rax, 16
    mov dword [rdi + 8], eax                        ; offset 63..32
    mov dword [rdi + 12], 0
    add rdi, 16
    inc ecx
    cmp ecx, 256
    jb .next
    lidt [idt_pointer]
    ret

section .rodata
align 8
isr_stub_table:
%assign v 0
%rep 256
    dq isr_ %+ v
%assign v v + 1
%endrep

section .data
align 16
idt_pointer:
    dw 256 * 16 - 1
    dq idt

section .bss
align 16
idt: resb 256 * 16
