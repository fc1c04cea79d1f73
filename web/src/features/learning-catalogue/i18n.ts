import { defineTexts } from '../../i18n/index.ts';

const zh = {
  page: {
    title: '课程与能力模型',
    subTitle: '课程、知识点、能力素质、岗位能力模型和学员档案',
    tabs: { courses: '课程', points: '知识点', competencies: '能力素质', profiles: '岗位能力模型', learners: '学员档案' },
  },
  common: { status: '状态', create: '新建', save: '保存', cancel: '取消', name: '名称', code: '编码', description: '说明', trade: '工种', visibility: '可见范围', actions: '操作', loading: '加载中', saved: '已保存', none: '无' },
  visibility: { organisation: '本单位', district: '全区共享' },
  status: { draft: '草稿', published: '已发布', archived: '已归档' },
  kind: { video: '视频', document: '文档', rich_text: '图文', micro_course: '微课', offline: '线下课', practical: '实操任务', exam: '考试' },
  trades: { hydraulics: '液压系统维护', electrical_safety: '电气安全', cnc: '数控机床操作', dairy_quality: '乳品质量控制', labour_law: '劳动法基础' },
  courses: {
    create: '新建课程', title: '课程名称', lessons: '课时', micro: '微课', duration: '总时长', owner: '所属单位', updatedAt: '更新时间',
    search: '按名称搜索', empty: '还没有课程', open: '编辑', view: '查看', minutes: '{{n}} 分钟',
  },
  points: {
    create: '新建知识点', prerequisites: '前置知识点', dependents: '后续知识点', all: '全部前置（由近及远）', addPrerequisite: '添加前置', remove: '移除',
    graph: '知识点关系', depth: '第 {{n}} 层', search: '按名称或编码搜索', empty: '还没有知识点', pick: '选择前置知识点',
  },
  competencies: { create: '新建能力素质', maxLevel: '最高等级', levels: '各等级需掌握的知识点', level: '等级 {{n}}', point: '知识点', empty: '还没有能力素质' },
  profiles: {
    create: '新建岗位能力模型', templates: '区级模板', mine: '本单位岗位能力模型', copy: '复制到本单位', copied: '已复制为本单位的“{{name}}”',
    requirements: '能力要求', requiredLevel: '要求等级', weight: '权重', learners: '学员数', fromTemplate: '复制自区级模板', competency: '能力素质',
    weightsHint: '权重合计须为 100（当前 {{n}}）', addRequirement: '添加能力要求', empty: '还没有岗位能力模型',
  },
  learners: {
    name: '姓名', department: '部门', roleProfile: '岗位能力模型', noProfile: '未设置', assign: '批量设置', selected: '已选 {{n}} 人',
    assignTitle: '为 {{n}} 名员工设置部门和岗位能力模型', keep: '保持不变', clear: '清除', assigned: '已更新 {{n}} 名员工', search: '按姓名搜索', filterProfile: '按岗位能力模型筛选',
  },
  editor: {
    back: '返回课程列表', publish: '发布', archive: '归档', republish: '重新发布', addSection: '添加章节', sectionTitle: '章节名称', addLesson: '添加课时',
    deleteSection: '删除章节', deleteLesson: '删除', loose: '未分章节', lessonTitle: '课时名称', kind: '类型', seconds: '时长（秒）', section: '章节',
    points: '知识点', media: '媒体文件', upload: '上传视频或 PDF', uploading: '上传中 {{n}}%', uploaded: '已上传 {{name}}', body: '图文内容', microHint: '微课不超过 600 秒，关联 1 至 3 个知识点',
    editCourse: '编辑课程信息', readOnly: '这门课程属于其他单位，只能查看', noLessons: '还没有课时',
  },
  mobile: {
    title: '课程', search: '搜索课程、微课或知识点', results: '搜索结果', empty: '没有找到相关内容', lessons: '{{n}} 个课时', micro: '{{n}} 个微课',
    start: '开始学习', kinds: { course: '课程', lesson: '课时', knowledge_point: '知识点' }, noCourses: '暂无可学习的课程', minutes: '{{n}} 分钟',
  },
  codes: {
    NOT_FOUND: '记录不存在或不属于本单位',
    CONFLICT: '记录已存在或正在使用',
    INVALID_TRANSITION: '课程当前状态不允许此操作',
    FORBIDDEN: '您的角色无权进行此操作',
    UNSUPPORTED_FILE_TYPE: '只接受 MP4、WebM 视频、PDF 和图片',
  },
  issues: {
    PREREQUISITE_CYCLE: '会形成循环依赖：{{path}}',
    MICRO_COURSE_TOO_LONG: '微课不能超过 600 秒',
    MICRO_COURSE_POINTS: '微课须关联 1 至 3 个知识点',
    WEIGHTS_NOT_100: '权重合计须为 100',
    COURSE_EMPTY: '课程至少要有一个课时才能发布',
    DISTRICT_ONLY: '区级单位的内容须全区共享',
    LEVEL_ABOVE_MAX: '等级超过了最高等级',
    MEDIA_KIND_MISMATCH: '文件类型与课时类型不符',
  },
};

const en: typeof zh = {
  page: {
    title: 'Courses and competency model',
    subTitle: 'Courses, knowledge points, competencies, role competency profiles and learner profiles',
    tabs: { courses: 'Courses', points: 'Knowledge points', competencies: 'Competencies', profiles: 'Role profiles', learners: 'Learners' },
  },
  common: { status: 'Status', create: 'New', save: 'Save', cancel: 'Cancel', name: 'Name', code: 'Code', description: 'Description', trade: 'Trade', visibility: 'Visibility', actions: 'Actions', loading: 'Loading', saved: 'Saved', none: 'None' },
  visibility: { organisation: 'Own organisation', district: 'Whole district' },
  status: { draft: 'Draft', published: 'Published', archived: 'Archived' },
  kind: { video: 'Video', document: 'Document', rich_text: 'Rich text', micro_course: 'Micro-course', offline: 'Offline session', practical: 'Practical task', exam: 'Exam' },
  trades: { hydraulics: 'Hydraulic maintenance', electrical_safety: 'Electrical safety', cnc: 'CNC operation', dairy_quality: 'Dairy quality control', labour_law: 'Labour law basics' },
  courses: {
    create: 'New course', title: 'Title', lessons: 'Lessons', micro: 'Micro-courses', duration: 'Total length', owner: 'Owner', updatedAt: 'Updated',
    search: 'Search by title', empty: 'No courses yet', open: 'Edit', view: 'View', minutes: '{{n}} min',
  },
  points: {
    create: 'New knowledge point', prerequisites: 'Prerequisites', dependents: 'Dependents', all: 'All prerequisites (nearest first)', addPrerequisite: 'Add prerequisite', remove: 'Remove',
    graph: 'Relations', depth: 'Level {{n}}', search: 'Search by name or code', empty: 'No knowledge points yet', pick: 'Choose a prerequisite',
  },
  competencies: { create: 'New competency', maxLevel: 'Top level', levels: 'Knowledge points by level', level: 'Level {{n}}', point: 'Knowledge point', empty: 'No competencies yet' },
  profiles: {
    create: 'New role profile', templates: 'District templates', mine: 'Our role profiles', copy: 'Copy to my organisation', copied: 'Copied as “{{name}}”',
    requirements: 'Requirements', requiredLevel: 'Required level', weight: 'Weight', learners: 'Learners', fromTemplate: 'Copied from a district template', competency: 'Competency',
    weightsHint: 'Weights must add up to 100 (now {{n}})', addRequirement: 'Add requirement', empty: 'No role profiles yet',
  },
  learners: {
    name: 'Name', department: 'Department', roleProfile: 'Role profile', noProfile: 'Not set', assign: 'Assign', selected: '{{n}} selected',
    assignTitle: 'Department and role profile for {{n}} employees', keep: 'Keep as is', clear: 'Clear', assigned: '{{n}} employees updated', search: 'Search by name', filterProfile: 'Filter by role profile',
  },
  editor: {
    back: 'Back to courses', publish: 'Publish', archive: 'Archive', republish: 'Publish again', addSection: 'Add section', sectionTitle: 'Section title', addLesson: 'Add lesson',
    deleteSection: 'Delete section', deleteLesson: 'Delete', loose: 'Not in a section', lessonTitle: 'Lesson title', kind: 'Kind', seconds: 'Length (seconds)', section: 'Section',
    points: 'Knowledge points', media: 'Media', upload: 'Upload a video or PDF', uploading: 'Uploading {{n}}%', uploaded: 'Uploaded {{name}}', body: 'Content', microHint: 'A micro-course lasts at most 600 seconds and covers 1 to 3 knowledge points',
    editCourse: 'Edit course', readOnly: 'This course belongs to another organisation: read only', noLessons: 'No lessons yet',
  },
  mobile: {
    title: 'Courses', search: 'Search courses, micro-courses, knowledge points', results: 'Results', empty: 'Nothing found', lessons: '{{n}} lessons', micro: '{{n}} micro-courses',
    start: 'Start', kinds: { course: 'Course', lesson: 'Lesson', knowledge_point: 'Knowledge point' }, noCourses: 'No courses to take yet', minutes: '{{n}} min',
  },
  codes: {
    NOT_FOUND: 'Not found, or not your organisation’s',
    CONFLICT: 'Already exists or in use',
    INVALID_TRANSITION: 'Not allowed in the course’s current status',
    FORBIDDEN: 'Your role may not do this',
    UNSUPPORTED_FILE_TYPE: 'Only MP4 or WebM video, PDF and images are accepted',
  },
  issues: {
    PREREQUISITE_CYCLE: 'This would make a loop: {{path}}',
    MICRO_COURSE_TOO_LONG: 'A micro-course lasts at most 600 seconds',
    MICRO_COURSE_POINTS: 'A micro-course covers 1 to 3 knowledge points',
    WEIGHTS_NOT_100: 'Weights must add up to 100',
    COURSE_EMPTY: 'A course needs a lesson before it is published',
    DISTRICT_ONLY: 'A department’s content is for the whole district',
    LEVEL_ABOVE_MAX: 'Above the top level',
    MEDIA_KIND_MISMATCH: 'The file does not fit the lesson kind',
  },
};

/** The catalogue's strings: `t('catalogue.…')`. */
export const catalogueTexts = defineTexts('catalogue', zh, en);
