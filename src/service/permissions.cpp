#include "service/permissions.h"

namespace guiyan::service {

const std::vector<PermissionInfo>& permission_catalog() {
  static const std::vector<PermissionInfo> all = {
      {"user:read", "查看用户", "用户管理"},
      {"user:write", "新增、修改、停用用户，重置密码，解锁", "用户管理"},
      {"user:grant", "为用户分配角色", "用户管理"},
      {"role:read", "查看角色", "角色管理"},
      {"role:write", "新增、修改、删除角色", "角色管理"},
      {"department:read", "查看部门", "部门管理"},
      {"department:write", "新增、修改部门", "部门管理"},
      {"audit:read", "查看审计日志", "安全审计"},
      {"person:read", "查看返乡人员（脱敏）", "返乡人员"},
      {"person:write", "登记、修改返乡人员，记录服务", "返乡人员"},
      {"person:unmask", "查看完整身份证号和电话（留痕）", "返乡人员"},
      {"person:import", "导入人员台账", "返乡人员"},
      {"person:export", "导出人员台账", "返乡人员"},
      {"person:merge", "合并、拆分重复人员", "返乡人员"},
      {"merchant:read", "查看楚商楚才（电话脱敏）", "楚商楚才"},
      {"merchant:write", "登记、修改、核实楚商楚才，记录联络", "楚商楚才"},
      {"merchant:unmask", "查看楚商楚才完整电话（留痕）", "楚商楚才"},
      {"merchant:import", "导入楚商楚才名录", "楚商楚才"},
      {"merchant:export", "导出楚商楚才名录", "楚商楚才"},
      {"project:read", "查看招商项目、诉求和项目清单", "招商项目"},
      {"project:write", "登记招商项目、推进阶段、记录到资、审批、走访和诉求", "招商项目"},
      {"venture:read", "查看返乡创业主体", "返乡创业主体"},
      {"venture:write", "登记、修改返乡创业主体，记录带动就业人数，导入主体台账", "返乡创业主体"},
      {"policy:read", "查看政策清单，评估人员和主体可享政策", "政策"},
      {"policy:write", "新增、修改本辖区发布的政策（保留历史版本）", "政策"},
      {"application:read", "查看政策申请和政策找人名单", "政策"},
      {"application:write", "代为提交政策申请、初审、登记发放，处理政策找人名单", "政策"},
      {"application:decide", "审批政策申请（批准或驳回）", "政策"},
      {"loan:read", "查看创业担保贷款台账、贴息计划、贷款产品和融资需求", "贷款融资"},
      {"loan:write", "登记担保贷款和贴息拨付，维护贷款产品，受理融资需求", "贷款融资"},
      {"indicator:read", "查看目标任务、指标完成情况和驾驶舱", "目标考核"},
      {"indicator:write", "下达本辖区目标任务，填报官方统计数", "目标考核"},
      {"task:read", "查看任务清单、工作进展、督办通知和预警", "任务督办"},
      {"task:write", "新增、修改任务，记录工作进展，标记完成，答复督办通知", "任务督办"},
      {"task:supervise", "下发督办通知，维护信息报送关系，催报", "任务督办"},
      {"report:read", "查看季度信息报送、汇总，导出汇总表", "任务督办"},
      {"report:write", "填报本单位季度信息，牵头单位汇总", "任务督办"},
      {"event:read", "查看活动、邀请和签到名单、签约成果及活动场次统计", "活动"},
      {"event:write", "登记、修改活动，邀请楚商和返乡人员，记录签到和签约成果", "活动"},
      {"vocabulary:write", "维护技能字典和劳务品牌（新增、改名、同义词、停用）", "字典管理"},
  };
  return all;
}

bool is_known_permission(const std::string& key) {
  for (const auto& p : permission_catalog()) {
    if (p.key == key) return true;
  }
  return false;
}

}  // namespace guiyan::service
