import Foundation

/// Turns template text into nodes, checking names and nesting as it goes.
struct TemplateParser {
    let template: String
    let variables: [String: TemplateVariable]

    private enum Block { case conditional(String), loop(String) }
    private struct Frame {
        var block: Block?
        var nodes: [TemplateNode] = []
        var thenNodes: [TemplateNode]?
        var line: Int
    }

    mutating func parse(_ source: String, firstLine: Int) throws(TemplateError) -> [TemplateNode] {
        var stack = [Frame(block: nil, line: firstLine)]
        var line = firstLine
        var rest = Substring(source)
        while !rest.isEmpty {
            guard let open = rest.range(of: "{{") else {
                stack[stack.count - 1].nodes.append(.literal(String(rest)))
                break
            }
            let literal = rest[..<open.lowerBound]
            if !literal.isEmpty { stack[stack.count - 1].nodes.append(.literal(String(literal))) }
            line += literal.count(where: { $0 == "\n" })
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateError(template: template, line: line, problem: "'{{' without a closing '}}'")
            }
            let tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            try apply(tag: tag, to: &stack, line: line)
        }
        guard stack.count == 1, let root = stack.first else {
            throw TemplateError(template: template, line: stack.last?.line ?? line, problem: "a block opened here is never closed")
        }
        return root.nodes
    }

    private func apply(tag: String, to stack: inout [Frame], line: Int) throws(TemplateError) {
        if tag.hasPrefix("#if ") {
            let name = String(tag.dropFirst(4)).trimmingCharacters(in: .whitespaces)
            try requireDeclared(name, line: line)
            stack.append(Frame(block: .conditional(name), line: line))
        } else if tag.hasPrefix("#each ") {
            let name = String(tag.dropFirst(6)).trimmingCharacters(in: .whitespaces)
            guard case .list = variables[name] else {
                throw TemplateError(template: template, line: line, problem: "'\(name)' is not a list this template offers")
            }
            stack.append(Frame(block: .loop(name), line: line))
        } else if tag == "else" {
            guard case .conditional = stack.last?.block, stack[stack.count - 1].thenNodes == nil else {
                throw TemplateError(template: template, line: line, problem: "'else' outside an 'if' block")
            }
            stack[stack.count - 1].thenNodes = stack[stack.count - 1].nodes
            stack[stack.count - 1].nodes = []
        } else if tag == "/if" || tag == "/each" {
            try close(tag, stack: &stack, line: line)
        } else if tag.hasPrefix(".") {
            let field = String(tag.dropFirst())
            guard let loopName = innermostLoop(stack), case .list(let fields) = variables[loopName], fields.contains(field) else {
                throw TemplateError(template: template, line: line, problem: "unknown field '{{\(tag)}}' here")
            }
            stack[stack.count - 1].nodes.append(.field(field))
        } else {
            try requireDeclared(tag, line: line)
            guard variables[tag] == .value else {
                throw TemplateError(template: template, line: line, problem: "'\(tag)' is a list: use {{#each \(tag)}}")
            }
            stack[stack.count - 1].nodes.append(.value(tag))
        }
    }

    private func close(_ tag: String, stack: inout [Frame], line: Int) throws(TemplateError) {
        guard stack.count > 1, let frame = stack.popLast(), let block = frame.block else {
            throw TemplateError(template: template, line: line, problem: "'{{\(tag)}}' closes nothing")
        }
        let node: TemplateNode
        switch (block, tag) {
        case (.conditional(let name), "/if"):
            node = .conditional(name, then: frame.thenNodes ?? frame.nodes, otherwise: frame.thenNodes == nil ? [] : frame.nodes)
        case (.loop(let name), "/each"):
            node = .loop(name, body: frame.nodes)
        default:
            throw TemplateError(template: template, line: line, problem: "'{{\(tag)}}' does not match the block opened on line \(frame.line)")
        }
        stack[stack.count - 1].nodes.append(node)
    }

    private func requireDeclared(_ name: String, line: Int) throws(TemplateError) {
        guard variables[name] != nil else {
            let known = variables.keys.sorted().joined(separator: ", ")
            throw TemplateError(template: template, line: line, problem: "unknown placeholder '\(name)' (known: \(known))")
        }
    }

    private func innermostLoop(_ stack: [Frame]) -> String? {
        for frame in stack.reversed() { if case .loop(let name) = frame.block { return name } }
        return nil
    }
}
