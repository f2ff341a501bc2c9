/// One piece of a parsed template.
indirect enum TemplateNode: Sendable, Hashable {
    case literal(String)
    case value(String)
    case field(String)
    case conditional(String, then: [TemplateNode], otherwise: [TemplateNode])
    case loop(String, body: [TemplateNode])
}
